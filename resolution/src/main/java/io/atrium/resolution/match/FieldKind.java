package io.atrium.resolution.match;

/** The fields compared, and the kinds of values whose frequency matters (SURNAME for weak names). */
public enum FieldKind { ID_NUMBER, NAME, SURNAME, ORG_NAME, BIRTH_DATE, GENDER, PHONE, EMAIL, ADDRESS }
