package io.atrium.resolution.model;

public enum PartyKind { PERSON, ORGANIZATION }
