package org.joinedup.shared;

import org.springframework.context.SmartLifecycle;

/**
 * A component whose work is a {@link PollingLoop}: started and stopped with the application. A component with more to
 * do at start (reading its cursor) overrides {@link #start()} and ends it with {@code PolledLifecycle.super.start()}.
 */
public interface PolledLifecycle extends SmartLifecycle {

    /** The component's loop. */
    PollingLoop loop();

    @Override
    default void start() {
        loop().start();
    }

    @Override
    default void stop() {
        loop().stop();
    }

    @Override
    default boolean isRunning() {
        return loop().isRunning();
    }
}
