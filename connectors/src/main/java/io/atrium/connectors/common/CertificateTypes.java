package io.atrium.connectors.common;

import io.atrium.resolution.model.IdType;

import java.util.Map;

/** The certificate type names the group's Chinese systems use, as canonical id types. */
public final class CertificateTypes {

    private static final Map<String, IdType> CODES = Map.of(
            "身份证", IdType.CN_RESIDENT,
            "居民身份证", IdType.CN_RESIDENT,
            "护照", IdType.PASSPORT,
            "港澳通行证", IdType.HK_MACAU_PERMIT,
            "营业执照", IdType.USCC,
            "统一社会信用代码", IdType.USCC);

    private CertificateTypes() {
    }

    /** Unknown types are kept as OTHER: the number is still evidence, just not a checked one. */
    public static IdType of(String certificateType) {
        return certificateType == null ? null : CODES.getOrDefault(certificateType.trim(), IdType.OTHER);
    }
}
