package io.atrium.hub.ingest;

/** The persistent queue between the connectors and the resolver. */
public final class ResolverQueue {

    public static final String JNDI = "java:/jms/queue/atrium/records";
    /** Artemis' name of the same queue, for Camel endpoints and management. */
    public static final String NAME = "AtriumRecords";

    private ResolverQueue() {
    }
}
