package io.atrium.hub.quarantine;

public enum QuarantineStatus { OPEN, REPLAYED, DISCARDED }
