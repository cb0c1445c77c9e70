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
 * then asks for one run and waits for its answer. Prints the time of both phases.
 *
 * <pre>java bench/lib/Load.java HOOK_URL TOKEN RECORDS CONCURRENCY RUN_URL [PREFIX]</pre>
 */
public class Load {

    public static void main(String[] args) throws Exception {
        URI hook = URI.create(args[0]);
        String token = args[1];
        int records = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        URI run = URI.create(args[4]);
        String prefix = args.length > 5 ? args[5] : "LOAD";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
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
        pool.shutdown();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(run).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        long end = System.nanoTime();
        double ingest = (posted - start) / 1e9;
        double runSeconds = (end - posted) / 1e9;
        double total = (end - start) / 1e9;
        System.out.printf(Locale.ROOT, "load records=%d concurrency=%d refused=%d ingest=%.3f run=%.3f seconds=%.3f"
                        + " rate=%.1f ingestRate=%.1f runRate=%.1f%n", records, concurrency, refused.get(), ingest, runSeconds,
                total, records / total, records / ingest, records / runSeconds);
        System.out.println("run answer " + answer.statusCode() + ": " + answer.body());
        if (answer.statusCode() != 200 || refused.get() > 0) {
            System.exit(1);
        }
    }
}
