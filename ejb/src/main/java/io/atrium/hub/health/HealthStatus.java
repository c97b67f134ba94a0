package io.atrium.hub.health;

public enum HealthStatus { UP, DOWN }
