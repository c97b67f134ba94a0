package io.atrium.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts an embedded PostgreSQL before the PostgreSQL run of the suite boots the server,
 * and stops it when the run ends. Skipped for the H2 run, and when the build points the
 * suite at a PostgreSQL server of its own (-Datrium.test.db.embedded=false plus the url).
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"wildfly-postgresql".equals(System.getProperty("arquillian.launch"))
                || !Boolean.parseBoolean(System.getProperty("atrium.test.db.embedded", "false"))) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(Integer.getInteger("atrium.test.db.port"))
                    // the hub's datasource is XA: each pooled connection may hold a prepared transaction
                    .setServerConfig("max_prepared_transactions", "64")
                    // the key locks are advisory locks, each a slot of the lock table (README, PostgreSQL)
                    .setServerConfig("max_locks_per_transaction", "256")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
            }
        }
    }
}
