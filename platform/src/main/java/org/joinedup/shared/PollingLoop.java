package org.joinedup.shared;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;

/**
 * A background thread that runs rounds until it is stopped: the next round at once when one says more may be
 * waiting, otherwise after the interval; after a failed round (logged) after four intervals. Stopping wakes it
 * from its wait but never interrupts a round (an interrupted thread writing to a file channel closes the channel for
 * every thread: the audit journal's); a round that fails because it was stopped (the database already gone) is not
 * logged. For the platform's followers
 * of the database (the message outbox, subscriptions, the NEWS2 calculator), started and stopped with the application.
 */
public final class PollingLoop {

    /** One round; true if more may be waiting (the next round then starts at once). */
    @FunctionalInterface
    public interface Round {
        boolean run() throws InterruptedException;
    }

    private final String name;
    private final Duration interval;
    private final Logger log;
    private final String failure;
    private final Round round;
    private volatile Thread thread;

    /**
     * @param name the thread's name
     * @param failure what the log says when a round fails ("trying again" follows)
     */
    public PollingLoop(String name, Duration interval, Logger log, String failure, Round round) {
        this.name = name;
        this.interval = interval;
        this.log = log;
        this.failure = failure;
        this.round = round;
    }

    public synchronized void start() {
        thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run); // assigned before it runs, which checks it
        thread.start();
    }

    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread == Thread.currentThread()) { // a stop, or a restart's new thread, ends this one
            try {
                if (!round.run()) {
                    waitFor(interval);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                log.warn("{}; trying again", failure, e);
                waitFor(interval.multipliedBy(4));
            }
        }
    }

    /** Waits the time given, or until stopped. */
    private void waitFor(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        for (long left = time.toNanos(); left > 0 && thread == Thread.currentThread(); left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }
}
