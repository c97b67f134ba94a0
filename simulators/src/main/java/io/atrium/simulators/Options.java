package io.atrium.simulators;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Command-line options `--name value`, over the properties of an optional `--config FILE`
 * (keys without the dashes): the command line wins.
 */
public final class Options {

    private final Properties values = new Properties();

    private Options() {
    }

    public static Options parse(String[] args, int from) {
        Options options = new Options();
        Properties commandLine = new Properties();
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            commandLine.setProperty(args[i].substring(2), args[++i]);
        }
        String config = commandLine.getProperty("config");
        if (config != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(config), StandardCharsets.UTF_8)) {
                options.values.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the config file " + config + ": " + e.getMessage(), e);
            }
        }
        options.values.putAll(commandLine);
        return options;
    }

    public String get(String name, String defaultValue) {
        return values.getProperty(name, defaultValue).trim();
    }

    public long getLong(String name, long defaultValue) {
        return Long.parseLong(get(name, String.valueOf(defaultValue)));
    }

    public int getInt(String name, int defaultValue) {
        return Integer.parseInt(get(name, String.valueOf(defaultValue)));
    }

    public double getDouble(String name, double defaultValue) {
        return Double.parseDouble(get(name, String.valueOf(defaultValue)));
    }
}
