package io.atrium.hub.analytics;

/** The value matrix: high or low current value × high or low potential value. */
public enum ValueCell {
    HIGH_HIGH, HIGH_LOW, LOW_HIGH, LOW_LOW;

    public static ValueCell of(boolean highCurrent, boolean highPotential) {
        return highCurrent ? (highPotential ? HIGH_HIGH : HIGH_LOW) : (highPotential ? LOW_HIGH : LOW_LOW);
    }
}
