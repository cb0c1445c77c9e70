package dev.portmoneconnect.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps each connection's next firing in the Quarkus-managed Quartz scheduler: one job per
 * connection and one one-shot trigger at the planned instant, planned again after every firing, so
 * the times-of-day and daylight-saving rules are ours rather than cron's. Trigger data holds only
 * strings, so the same plans work in a persistent, clustered job store.
 *
 * <p>The misfire instruction is "fire now" on purpose: a firing Quartz could not deliver on time
 * (the app was down, or the scheduler was busy) still reaches {@link ScheduledFiring}, which
 * decides between one catch-up run and none by the connection's {@code misfire} option, and plans
 * the next firing either way. A one-shot trigger can never replay a burst.
 *
 * <p>Clustered, each firing is delivered to exactly one instance; a firing whose instance stopped
 * while delivering it is delivered again by another (the job requests recovery).
 */
@ApplicationScoped
public class QuartzPlans {

    static final String GROUP = "portmone-connect";
    static final String SCHEDULE_KEY = "schedule";
    static final String PLANNED_AT = "plannedAt";

    @Inject
    Scheduler quartz;

    public Optional<FirePlan> find(String connectionId) {
        try {
            Trigger trigger = quartz.getTrigger(triggerKey(connectionId));
            if (trigger == null) {
                return Optional.empty();
            }
            return Optional.of(new FirePlan(plannedAt(trigger), trigger.getJobDataMap().getString(SCHEDULE_KEY)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the schedule of connection " + connectionId, e);
        }
    }

    /**
     * Replaces the connection's planned firing. A firing planned in the past (a missed one, handed
     * over again) is given to Quartz to fire now, not at its time: Quartz leaves a trigger older than
     * its misfire threshold to its misfire handler, which looks only once a minute. The time it was
     * planned for travels with it.
     */
    public void plan(String connectionId, FirePlan plan) {
        Date now = new Date();
        Date start = plan.at().isBefore(now.toInstant()) ? now : Date.from(plan.at());
        JobDetail job = JobBuilder.newJob(ConnectionFireJob.class)
                .withIdentity(jobKey(connectionId))
                .withDescription("Fires connection " + connectionId)
                .requestRecovery()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(connectionId))
                .forJob(job)
                .startAt(start)
                .usingJobData(SCHEDULE_KEY, plan.scheduleKey())
                .usingJobData(PLANNED_AT, plan.at().toString())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            quartz.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule connection " + connectionId, e);
        }
    }

    public void cancel(String connectionId) {
        try {
            quartz.deleteJob(jobKey(connectionId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule connection " + connectionId, e);
        }
    }

    /** When a firing was planned for: its start, unless it was handed over late (see {@link #plan}). */
    static Instant plannedAt(Trigger trigger) {
        String planned = trigger.getJobDataMap().getString(PLANNED_AT);
        return planned == null ? trigger.getStartTime().toInstant() : Instant.parse(planned);
    }

    static JobKey jobKey(String connectionId) {
        return JobKey.jobKey(connectionId, GROUP);
    }

    static TriggerKey triggerKey(String connectionId) {
        return TriggerKey.triggerKey(connectionId, GROUP);
    }
}
