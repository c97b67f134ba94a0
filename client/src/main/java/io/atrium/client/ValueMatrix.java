package io.atrium.client;

import java.io.Serializable;
import java.util.List;

/**
 * The value matrix over the stored scores: each cell with its customers and how many of them are at risk.
 *
 * @param customers every active customer scored
 */
public record ValueMatrix(List<Cell> cells, long customers, long atRisk) implements Serializable {

    /** @param cell HIGH_HIGH, HIGH_LOW, LOW_HIGH or LOW_LOW (current × potential) */
    public record Cell(String cell, long customers, long atRisk) implements Serializable {
    }
}
