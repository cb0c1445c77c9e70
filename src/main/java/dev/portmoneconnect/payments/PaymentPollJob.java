package dev.portmoneconnect.payments;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.inject.spi.CDI;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one account's status poll (the job's name is the account). A plain job that
 * looks up its collaborators, so any job store can instantiate it; clustered, each firing runs on
 * one instance.
 */
@DisallowConcurrentExecution
@RegisterForReflection
public class PaymentPollJob implements Job {

    @Override
    public void execute(JobExecutionContext context) {
        String account = context.getJobDetail().getKey().getName();
        try {
            CDI.current().select(PaymentPolls.class).get().scheduled(account);
        } catch (RuntimeException e) {
            Log.errorf(e, "Payment status poll of account %s failed", account);
        }
    }
}
