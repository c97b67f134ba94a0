package io.atrium.hub.customer;

public enum MatchKeyType { ID_NUMBER, PHONE }
