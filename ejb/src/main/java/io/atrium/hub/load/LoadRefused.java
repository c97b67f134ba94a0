package io.atrium.hub.load;

/** A load not started: another one runs. Its message is the reason, free of record values. */
public class LoadRefused extends Exception {

    public LoadRefused(String reason) {
        super(reason);
    }
}
