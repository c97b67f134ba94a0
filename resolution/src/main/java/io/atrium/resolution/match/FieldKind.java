package io.atrium.resolution.match;

/**
 * The fields compared, and the kinds of values whose frequency matters (SURNAME for weak names). PROJECT is a
 * relation: a project both records tie the party to, its frequency that of the surname in that project (new
 * kinds go last: the hub stores the ordinals).
 */
public enum FieldKind { ID_NUMBER, NAME, SURNAME, ORG_NAME, BIRTH_DATE, GENDER, PHONE, EMAIL, ADDRESS, PROJECT }
