package io.atrium.hub.camel;

import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultThreadPoolFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Camel's pools with threads from the server's managed thread factory, so that Camel work
 * runs with the application's naming context and class loader, as Jakarta EE requires.
 */
class ManagedThreadPoolFactory extends DefaultThreadPoolFactory {

    private final ThreadFactory managed;

    ManagedThreadPoolFactory(ThreadFactory managed) {
        this.managed = managed;
    }

    @Override
    public ExecutorService newCachedThreadPool(ThreadFactory ignored) {
        return super.newCachedThreadPool(managed);
    }

    @Override
    public ExecutorService newThreadPool(ThreadPoolProfile profile, ThreadFactory ignored) {
        return super.newThreadPool(profile, managed);
    }

    @Override
    public ScheduledExecutorService newScheduledThreadPool(ThreadPoolProfile profile, ThreadFactory ignored) {
        return super.newScheduledThreadPool(profile, managed);
    }
}
