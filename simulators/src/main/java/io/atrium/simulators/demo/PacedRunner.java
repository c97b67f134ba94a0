package io.atrium.simulators.demo;

import io.atrium.simulators.Simulator;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one simulator in its own thread at a steady number of steps per second, up to a number
 * of steps if given: then the simulator ends its stream and stays open (an API it serves keeps
 * answering) until the thread is interrupted. A failing step
 * (the hub down, the broker away) is counted and retried after a pause; the runner never
 * logs the data it sends, only its counts and the kind of failure.
 */
final class PacedRunner implements Runnable {

    private static final long PAUSE_AFTER_FAILURE_MS = 5_000;

    private final String name;
    private final Callable<Simulator> factory;
    private final double stepsPerSecond;
    private final long stepLimit;
    private final AtomicLong steps = new AtomicLong();
    private volatile boolean streamEnded;
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure = "";
    private volatile Simulator current;

    /** stepLimit: Long.MAX_VALUE to run until interrupted. */
    PacedRunner(String name, Callable<Simulator> factory, double stepsPerSecond, long stepLimit) {
        this.name = name;
        this.factory = factory;
        this.stepsPerSecond = stepsPerSecond;
        this.stepLimit = stepLimit;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try (Simulator simulator = factory.call()) {
                current = simulator;
                long interval = (long) (TimeUnit.SECONDS.toNanos(1) / stepsPerSecond);
                long next = System.nanoTime();
                while (!Thread.currentThread().isInterrupted() && steps.get() < stepLimit) {
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    simulator.step();
                    steps.incrementAndGet();
                }
                if (steps.get() >= stepLimit) {
                    simulator.endOfStream();
                    streamEnded = true;
                    Thread.sleep(Long.MAX_VALUE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failures.incrementAndGet();
                lastFailure = e.getClass().getSimpleName();
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the step limit was reached and the simulator ended its stream. */
    boolean streamEnded() {
        return streamEnded;
    }

    /** Counts only: personal data never reaches the log. */
    String status() {
        Simulator simulator = current;
        String own = simulator == null ? "" : simulator.status();
        return name + " " + steps.get() + (failures.get() > 0 ? " (failures " + failures.get() + ", last " + lastFailure + ")" : "")
                + (own.isEmpty() ? "" : " [" + own + "]");
    }
}
