package io.atrium.simulators.membership;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/** Writes the membership system's event document (section 4 of the source formats) with StAX. */
final class MemberEventXml {

    static final String NAMESPACE = "urn:membership:event:1";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private MemberEventXml() {
    }

    static String write(MemberEvent event) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "memberEvent");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "eventId", event.eventId());
            element(xml, "type", event.type().name());
            element(xml, "occurredAt", event.occurredAt());
            xml.writeStartElement(NAMESPACE, "member");
            element(xml, "memberNo", event.memberNo());
            element(xml, "name", event.name());
            element(xml, "mobile", event.mobile());
            element(xml, "birthday", event.birthday());
            element(xml, "gender", event.gender());
            element(xml, "email", event.email());
            element(xml, "tier", event.tier());
            xml.writeEndElement();
            if (event.type().isPoints()) {
                xml.writeEmptyElement(NAMESPACE, "points");
                xml.writeAttribute("delta", String.valueOf(event.pointsDelta()));
                xml.writeAttribute("balance", String.valueOf(event.balance()));
                xml.writeAttribute("reason", event.reason());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("member event cannot be written as XML", e);
        }
        return text.toString();
    }

    /** An absent value is an empty element, as the membership system writes `<email/>`. */
    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null || value.isEmpty()) {
            xml.writeEmptyElement(NAMESPACE, name);
        } else {
            xml.writeStartElement(NAMESPACE, name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }
}
