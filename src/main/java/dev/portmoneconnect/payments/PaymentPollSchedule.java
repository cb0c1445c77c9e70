package dev.portmoneconnect.payments;

import dev.portmoneconnect.portmone.PortmoneConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.util.TimeUtils;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/**
 * Plans each account's status poll in the Quartz scheduler the connections use: a repeating
 * trigger every {@code portmone.accounts.<name>.status-poll}, kept in the job store, so it fires on
 * one instance of a cluster and survives restarts. A poll missed while the app was down runs once
 * at start-up, not once per missed interval. Zero switches an account's schedule off.
 */
@ApplicationScoped
public class PaymentPollSchedule {

    static final String GROUP = "portmone-connect-payments";

    @Inject
    Scheduler quartz;

    @Inject
    PortmoneConfig config;

    @Inject
    Clock clock;

    void plan(@Observes StartupEvent started) {
        try {
            for (Map.Entry<String, PortmoneConfig.Account> account : config.accounts().entrySet()) {
                plan(account.getKey(), account.getValue().statusPoll());
            }
            for (JobKey job : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!config.accounts().containsKey(job.getName())) {
                    quartz.deleteJob(job);
                }
            }
        } catch (SchedulerException e) {
            Log.errorf(e, "Payment status polls could not be planned; POST /api/payments/poll still polls");
        }
    }

    private void plan(String account, Duration every) throws SchedulerException {
        JobKey jobKey = JobKey.jobKey(account, GROUP);
        if (every == null || every.isZero() || every.isNegative()) {
            quartz.deleteJob(jobKey);
            Log.infof("Payment status of account %s: no scheduled poll (status-poll is 0)", account);
            return;
        }
        TriggerKey triggerKey = TriggerKey.triggerKey(account, GROUP);
        Trigger held = quartz.getTrigger(triggerKey);
        if (held instanceof SimpleTrigger simple && simple.getRepeatInterval() == every.toMillis()) {
            return;
        }
        JobDetail job = JobBuilder.newJob(PaymentPollJob.class)
                .withIdentity(jobKey)
                .withDescription("Polls the payment status of account " + account)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey)
                .forJob(job)
                .startAt(Date.from(clock.instant().plus(every)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(every.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNowWithRemainingCount())
                .build();
        quartz.scheduleJob(job, Set.of(trigger), true);
        Log.infof("Payment status of account %s is polled every %s", account, TimeUtils.printDuration(every.toMillis()));
    }
}
