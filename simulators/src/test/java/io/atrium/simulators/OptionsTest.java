package io.atrium.simulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionsTest {

    @Test
    void commandLineWinsOverTheConfigFile(@TempDir Path directory) throws Exception {
        Path config = directory.resolve("demo.properties");
        Files.writeString(config, "rate=5\nhub=http://hub.example/hub\nwebhook-secret=秘密\n", StandardCharsets.UTF_8);
        Options options = Options.parse(new String[] {"demo", "--config", config.toString(), "--rate", "20"}, 1);
        assertEquals(20, options.getDouble("rate", 1));
        assertEquals("http://hub.example/hub", options.get("hub", "none"));
        assertEquals("秘密", options.get("webhook-secret", "none"));
        assertEquals(7, options.getInt("seed", 7));
    }

    @Test
    void anOptionWithoutValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"demo", "--rate"}, 1));
    }
}
