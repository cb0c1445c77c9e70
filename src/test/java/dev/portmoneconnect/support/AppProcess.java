package dev.portmoneconnect.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started as a process of
 * its own, on a free port, with its settings given as system properties and its output kept in a
 * log file.
 */
public final class AppProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** The JVM options of a test's app unless it gives its own: a heap with room for the tests' bursts. */
    private static final List<String> TEST_HEAP = List.of("-Xmx256m");

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private AppProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public static AppProcess start(String name, Map<String, String> settings, Path logDir) throws IOException {
        return start(name, TEST_HEAP, settings, Map.of(), logDir, null);
    }

    /**
     * Starts the application in {@code workingDir} as an operator runs it: {@code routes/},
     * {@code templates/}, {@code application.properties} and the store's {@code data/} are there.
     *
     * @param workingDir the folder to run in, or null for the project's
     */
    public static AppProcess start(String name, Map<String, String> settings, Path logDir, Path workingDir)
            throws IOException {
        return start(name, TEST_HEAP, settings, Map.of(), logDir, workingDir);
    }

    /** The same, with these JVM options instead of the tests' heap setting. */
    public static AppProcess start(String name, List<String> jvmOptions, Map<String, String> settings, Path logDir,
                                   Path workingDir) throws IOException {
        return start(name, jvmOptions, settings, Map.of(), logDir, workingDir);
    }

    /**
     * @param environment variables to set for the process, over this JVM's own; an empty value removes
     *                    the variable
     */
    public static AppProcess start(String name, Map<String, String> settings, Map<String, String> environment,
                                   Path logDir) throws IOException {
        return start(name, TEST_HEAP, settings, environment, logDir, null);
    }

    private static AppProcess start(String name, List<String> jvmOptions, Map<String, String> settings,
                                    Map<String, String> environment, Path logDir, Path workingDir) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the package phase builds it");
        }
        int port = FreePort.any();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        Files.createDirectories(logDir);
        Path log = logDir.toAbsolutePath().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        environment.forEach((variable, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(variable);
            } else {
                builder.environment().put(variable, value);
            }
        });
        Process process = builder.start();
        return new AppProcess(name, port, log, process);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the application answers ready, or fails naming its log. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped at start-up; see " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /**
     * Copies what an operator's working folder holds (the shipped {@code routes/}, {@code templates/} and
     * {@code application.properties}) into {@code folder}, so the app runs there on its shipped defaults.
     */
    public static Path operatorFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.copy(Path.of("application.properties"), folder.resolve("application.properties"));
        for (String tree : List.of("routes", "templates")) {
            try (var files = Files.walk(Path.of(tree))) {
                for (Path source : files.toList()) {
                    Path target = folder.resolve(source.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        }
        return folder;
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, nothing finished or released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the process dead (SIGSTOP): no thread runs, no heartbeat is written, until {@link #resume()}. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a paused process go on (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Asks the application to stop (SIGTERM), as an operator or Kubernetes does, and waits for it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(40).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not stop within 40 s of SIGTERM; see " + log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
