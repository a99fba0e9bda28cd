package dev.portcullis.honeypot.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The honeypot's own threads, so that a flood never occupies the web server's: one records attempts and sends
 * alerts from a bounded queue (when it is full, attempts are answered but not recorded), one answers each waiting
 * request after the constant delay and runs retention and digests every minute.
 */
public class HoneypotWorker implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HoneypotWorker.class);
    static final int QUEUE = 2_000;
    static final String MAINTENANCE_JOB = "honeypot-maintenance";
    /** A little under the timer's minute, so the node whose turn it is never finds the job not quite due. */
    static final Duration MAINTENANCE_INTERVAL = Duration.ofSeconds(55);

    private final HoneypotService service;
    private final HoneypotAlerts alerts;
    private final ThreadPoolExecutor recorder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> daemon(runnable, "honeypot-recorder"),
            new ThreadPoolExecutor.DiscardPolicy());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "honeypot-timer"));
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private final dev.portcullis.cluster.internal.ClusterJobs jobs;

    public HoneypotWorker(HoneypotService service, HoneypotAlerts alerts) {
        this(service, alerts, null);
    }

    /** With job claims, so retention and digests run on one node of a cluster per round, not on each. */
    public HoneypotWorker(HoneypotService service, HoneypotAlerts alerts, dev.portcullis.cluster.internal.ClusterJobs jobs) {
        this.service = service;
        this.alerts = alerts;
        this.jobs = jobs;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Queues an attempt for recording; false (and counted) when the queue is full. */
    boolean submit(String address, String userAgent, String username, String path, String method) {
        return submit(address, userAgent, username, path, method, false);
    }

    /** As above; a cross-site attempt is recorded but never counted towards a block. */
    boolean submit(String address, String userAgent, String username, String path, String method,
            boolean crossSite) {
        if (recorder.getQueue().remainingCapacity() == 0) {
            if (dropped.incrementAndGet() % 1000 == 1) {
                log.warn("Honeypot: recording queue full, {} attempt(s) answered without recording so far", dropped.get());
            }
            return false;
        }
        recorder.execute(() -> recordAndAlert(address, userAgent, username, path, method, crossSite));
        return true;
    }

    private void recordAndAlert(String address, String userAgent, String username, String path, String method,
            boolean crossSite) {
        try {
            HoneypotService.Outcome outcome = service.record(address, userAgent, username, path, method, crossSite);
            if (outcome.attempt() != null && outcome.firstFromAddress()) {
                alerts.alertFirst(outcome.attempt().getId());
            }
        } catch (RuntimeException e) {
            log.warn("Honeypot: could not record an attempt from {}: {}", address, e.toString());
        }
    }

    /** Runs the task after the delay on the honeypot's timer thread. */
    void later(Duration delay, Runnable task) {
        timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Retention and digest, as the scheduled job runs them; tests call it directly with a moved clock. */
    public void maintain() {
        try {
            service.purge();
            alerts.sendDigest();
        } catch (RuntimeException e) {
            log.warn("Honeypot maintenance failed: {}", e.toString());
        }
    }

    /** The scheduled round: {@link #maintain()} on the one node that claims it (every node without a database claim). */
    void maintainOnce() {
        if (jobs == null || jobs.claim(MAINTENANCE_JOB, MAINTENANCE_INTERVAL)) {
            maintain();
        }
    }

    /** Waits until every queued attempt is recorded (for tests and orderly shutdown). */
    public void drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((recorder.getActiveCount() > 0 || !recorder.getQueue().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    public long dropped() {
        return dropped.get();
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::maintainOnce, 1, 1, TimeUnit.MINUTES);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        recorder.shutdownNow();
        timer.shutdownNow();
    }
}
