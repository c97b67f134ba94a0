package io.atrium.hub.events;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * On a business method that owns a transaction in which customers change (the resolver's batch, a
 * steward's decision): announces the changes once the method's work is done, still inside its
 * transaction. Announcing last keeps the feed's lock the last one a writer takes (after its
 * customers' locks), so two writers can never wait on each other through it.
 */
public class AnnouncesChanges {

    @Inject
    ChangeEvents changeEvents;

    @AroundInvoke
    public Object announceAfter(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        changeEvents.announce();
        return result;
    }
}
