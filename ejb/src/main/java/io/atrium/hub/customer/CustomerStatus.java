package io.atrium.hub.customer;

public enum CustomerStatus { ACTIVE, MERGED }
