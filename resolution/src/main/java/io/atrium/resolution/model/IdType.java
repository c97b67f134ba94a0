package io.atrium.resolution.model;

/** Identity document types of the canonical record. */
public enum IdType { CN_RESIDENT, PASSPORT, HK_MACAU_PERMIT, USCC, OTHER }
