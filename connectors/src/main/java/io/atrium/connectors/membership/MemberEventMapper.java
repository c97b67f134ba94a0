package io.atrium.connectors.membership;

import io.atrium.connectors.common.SourceValues;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.PartyTypes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A membership event (`<memberEvent xmlns="urn:membership:event:1">`) as a canonical message:
 * the member as a party record versioned by the event time, the membership (tier, status)
 * as a fact versioned the same way, and a points event as a fact of its own keyed by the
 * event id. So a repeated event changes nothing and an older one never overwrites a newer.
 */
public final class MemberEventMapper {

    public static final String SOURCE = "membership";
    static final String NAMESPACE = "urn:membership:event:1";

    private static final Set<String> TYPES = Set.of("REGISTERED", "UPDATED", "POINTS_EARNED", "POINTS_REDEEMED", "TIER_CHANGED", "CANCELLED");
    private static final Set<String> TIERS = Set.of("SILVER", "GOLD", "PLATINUM");
    private static final Map<String, String> GENDERS = Map.of("M", "M", "F", "F");
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(MemberEventMapper::secureParser);

    private MemberEventMapper() {
    }

    public static CanonicalMessage map(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidRecordException("message body is empty");
        }
        Element event = parse(xml).getDocumentElement();
        if (!"memberEvent".equals(event.getLocalName()) || !NAMESPACE.equals(event.getNamespaceURI())) {
            throw new InvalidRecordException("root element is not memberEvent in namespace " + NAMESPACE);
        }
        String eventId = SourceValues.required(childText(event, "eventId"), "eventId");
        String type = SourceValues.required(childText(event, "type"), "type");
        if (!TYPES.contains(type)) {
            throw new InvalidRecordException("type has an unknown value; expected one of " + new TreeSet<>(TYPES));
        }
        Instant occurredAt = SourceValues.offsetTime(SourceValues.required(childText(event, "occurredAt"), "occurredAt"), "occurredAt");
        Element member = child(event, "member");
        if (member == null) {
            throw new InvalidRecordException("member is missing");
        }

        PartyRecord party = new PartyRecord();
        party.setSource(SOURCE);
        party.setSourceId(SourceValues.required(childText(member, "memberNo"), "member/memberNo"));
        party.setName(SourceValues.text(childText(member, "name")));
        SourceValues.addIfPresent(party.getPhones(), SourceValues.text(childText(member, "mobile")));
        party.setBirthDate(SourceValues.date(childText(member, "birthday"), DateTimeFormatter.ISO_LOCAL_DATE, "member/birthday"));
        party.setGender(SourceValues.coded(childText(member, "gender"), GENDERS, "member/gender"));
        SourceValues.addIfPresent(party.getEmails(), SourceValues.text(childText(member, "email")));
        party.setUpdatedAt(occurredAt);
        PartyTypes.complete(party);

        String tier = SourceValues.text(childText(member, "tier"));
        if (tier != null && !TIERS.contains(tier)) {
            throw new InvalidRecordException("member/tier has an unknown value; expected one of " + new TreeSet<>(TIERS));
        }
        List<PartyFact> facts = new ArrayList<>();
        PartyFact membership = new PartyFact(SOURCE, FactType.MEMBERSHIP, party.getSourceId(), party.getSourceId())
                .with("tier", tier)
                .with("status", "CANCELLED".equals(type) ? "CANCELLED" : "ACTIVE")
                .with("lastEvent", type);
        membership.setOccurredAt(occurredAt);
        membership.setUpdatedAt(occurredAt);
        facts.add(membership);

        Element points = child(event, "points");
        if (type.startsWith("POINTS_") && points == null) {
            throw new InvalidRecordException("points is missing on a " + type + " event");
        }
        if (points != null) {
            PartyFact movement = new PartyFact(SOURCE, FactType.POINTS, eventId, party.getSourceId())
                    .with("event", type)
                    .with("delta", wholeNumber(points, "delta"))
                    .with("balance", wholeNumber(points, "balance"))
                    .with("reason", SourceValues.text(points.getAttribute("reason")));
            movement.setOccurredAt(occurredAt);
            movement.setUpdatedAt(occurredAt);
            facts.add(movement);
        }
        return new CanonicalMessage(party, facts);
    }

    private static Long wholeNumber(Element element, String attribute) {
        String text = SourceValues.text(element.getAttribute(attribute));
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidRecordException("points/@" + attribute + " is not a whole number");
        }
    }

    private static Document parse(String xml) {
        DocumentBuilder parser = PARSER.get();
        try {
            return parser.parse(new org.xml.sax.InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new InvalidRecordException("not well-formed XML, or it declares a DTD");
        } catch (IOException e) {
            throw new InvalidRecordException("message body cannot be read");
        }
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName()) && NAMESPACE.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent();
    }

    /** No DTDs, no external entities: a message cannot make the hub read files or URLs. */
    private static DocumentBuilder secureParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints parse errors to stderr; the reason goes to the quarantine instead
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }
}
