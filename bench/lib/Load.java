import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a webhook-fed pipeline: posts RECORDS orders, one per request, from CONCURRENCY clients,
 * then asks for one run and waits for its answer. Prints the time of both phases and, given the
 * process id of the app, the CPU time it used per record in each. A RUN_URL {@code await:<fakes' /stats URL>}
 * waits instead until the fakes have received every record's e-mail, for flows that need no run.
 *
 * <pre>java bench/lib/Load.java HOOK_URL TOKEN RECORDS CONCURRENCY RUN_URL [PREFIX [APP_PID]]</pre>
 */
public class Load {

    public static void main(String[] args) throws Exception {
        URI hook = URI.create(args[0]);
        String token = args[1];
        int records = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        URI run = URI.create(args[4]);
        String prefix = args.length > 5 ? args[5] : "LOAD";
        String pid = args.length > 6 ? args[6] : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long cpuStart = cpuMs(pid);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < records) {
                    String order = "{\"order_id\":\"" + prefix + "-" + i + "\",\"name\":\"Payer " + i
                            + "\",\"email\":\"payer" + i + "@example.com\",\"phone\":\"\",\"amount\":\"123.45\",\"lang\":\"uk\"}";
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(hook)
                            .header("Content-Type", "application/json").header("X-Hook-Token", token)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() / 100 != 2 && refused.incrementAndGet() <= 3) {
                        System.err.println("webhook answered " + answer.statusCode() + ": " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long posted = System.nanoTime();
        long cpuPosted = cpuMs(pid);
        pool.shutdown();
        HttpResponse<String> answer = run.getScheme().equals("await")
                ? awaitMails(http, URI.create(run.getSchemeSpecificPart()), records)
                : http.send(HttpRequest.newBuilder(run).timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        long end = System.nanoTime();
        long cpuEnd = cpuMs(pid);
        double ingest = (posted - start) / 1e9;
        double runSeconds = (end - posted) / 1e9;
        double total = (end - start) / 1e9;
        String cpu = pid == null ? "" : String.format(Locale.ROOT, " intakeCpuMsPerRecord=%.3f runCpuMsPerRecord=%.3f",
                (double) (cpuPosted - cpuStart) / records, (double) (cpuEnd - cpuPosted) / records);
        System.out.printf(Locale.ROOT, "load records=%d concurrency=%d refused=%d ingest=%.3f run=%.3f seconds=%.3f"
                        + " rate=%.1f ingestRate=%.1f runRate=%.1f%s%n", records, concurrency, refused.get(), ingest, runSeconds,
                total, records / total, records / ingest, records / runSeconds, cpu);
        System.out.println("run answer " + answer.statusCode() + ": " + answer.body());
        if (answer.statusCode() != 200 || refused.get() > 0) {
            System.exit(1);
        }
    }

    /**
     * For a flow that runs each record as it arrives (no run to ask for): polls the fakes' statistics
     * (RUN_URL {@code await:http://.../stats}) until they have received a mail with a link for every record.
     */
    static HttpResponse<String> awaitMails(HttpClient http, URI stats, int records) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(stats).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.body().contains("\"mailsWithLink\":" + records + ",") || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(5);
        }
    }

    /** CPU time (user + system) the process has used, in milliseconds, from /proc (clock ticks of 10 ms). */
    static long cpuMs(String pid) throws java.io.IOException {
        if (pid == null) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command's closing parenthesis
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }
}
