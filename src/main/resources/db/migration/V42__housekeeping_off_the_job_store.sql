-- The count of records that need attention and the store's retention run on Camel timers in each
-- instance (ops.HousekeepingRoutes), no longer as Quartz jobs. Their jobs leave the job store:
-- left there, Quartz would keep firing triggers that no method answers.
DELETE FROM QRTZ_SIMPLE_TRIGGERS
 WHERE TRIGGER_GROUP = 'io.quarkus.scheduler.Scheduler' AND TRIGGER_NAME IN ('records-attention', 'store-retention');
DELETE FROM QRTZ_FIRED_TRIGGERS
 WHERE TRIGGER_GROUP = 'io.quarkus.scheduler.Scheduler' AND TRIGGER_NAME IN ('records-attention', 'store-retention');
DELETE FROM QRTZ_TRIGGERS
 WHERE TRIGGER_GROUP = 'io.quarkus.scheduler.Scheduler' AND TRIGGER_NAME IN ('records-attention', 'store-retention');
DELETE FROM QRTZ_JOB_DETAILS
 WHERE JOB_GROUP = 'io.quarkus.scheduler.Scheduler' AND JOB_NAME IN ('records-attention', 'store-retention');
