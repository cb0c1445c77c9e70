package dev.portmoneconnect.schedule;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.inject.spi.CDI;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one connection (the job's name is the connection id). A plain job that looks
 * up its collaborators, so any job store can instantiate it.
 */
@DisallowConcurrentExecution
@RegisterForReflection
public class ConnectionFireJob implements Job {

    @Override
    public void execute(JobExecutionContext context) {
        String connectionId = context.getJobDetail().getKey().getName();
        try {
            CDI.current().select(ScheduledFiring.class).get().fire(connectionId,
                    QuartzPlans.plannedAt(context.getTrigger()), context.getFireTime().toInstant());
        } catch (RuntimeException e) {
            Log.errorf(e, "Connection %s: its scheduled firing failed", connectionId);
        }
    }
}
