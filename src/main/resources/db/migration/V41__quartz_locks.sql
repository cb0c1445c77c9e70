-- The rows Quartz locks before it touches its job store, there before the first scheduler starts:
-- clustered instances that start at the same moment on a new database would otherwise both insert
-- them, and the one that loses stops at start-up (its transaction aborted). The name is Quarkus's
-- default scheduler name (quarkus.quartz.instance-name). A store whose scheduler made them already
-- keeps its own.
INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) SELECT 'QuarkusQuartzScheduler', 'TRIGGER_ACCESS'
    WHERE NOT EXISTS (SELECT 1 FROM QRTZ_LOCKS WHERE SCHED_NAME = 'QuarkusQuartzScheduler' AND LOCK_NAME = 'TRIGGER_ACCESS');
INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) SELECT 'QuarkusQuartzScheduler', 'STATE_ACCESS'
    WHERE NOT EXISTS (SELECT 1 FROM QRTZ_LOCKS WHERE SCHED_NAME = 'QuarkusQuartzScheduler' AND LOCK_NAME = 'STATE_ACCESS');
