package io.atrium.connectors.property;

import io.atrium.connectors.common.InputFormat;

/** The property-management API's two paged collections, with each item's id field. */
public enum PropertyEndpoint {
    OWNERS("/api/v1/owners", "ownerId", InputFormat.PROPERTY_OWNER),
    WORK_ORDERS("/api/v1/work-orders", "orderId", InputFormat.PROPERTY_WORK_ORDER);

    private final String path;
    private final String idField;
    private final InputFormat format;

    PropertyEndpoint(String path, String idField, InputFormat format) {
        this.path = path;
        this.idField = idField;
        this.format = format;
    }

    public String path() { return path; }
    public String idField() { return idField; }
    public InputFormat format() { return format; }
}
