package io.atrium.client;

/** A customer is active, or merged into another (its id then answers with the survivor). */
public enum CustomerStatus { ACTIVE, MERGED }
