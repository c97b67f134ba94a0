package io.atrium.connectors.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.connectors.leasing.LeaseRowMapper;
import io.atrium.connectors.membership.MemberEventMapper;
import io.atrium.connectors.property.PropertyEndpoint;
import io.atrium.connectors.property.PropertyItemMapper;
import io.atrium.connectors.sales.SalesRowMapper;
import io.atrium.connectors.sales.SalesTable;
import io.atrium.connectors.service.TicketMapper;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.standardize.PartyTypes;
import org.apache.commons.csv.CSVFormat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A valid item of each native format (and a canonical line), with the personal values it holds,
 * how a text is written as one of its values, and the mapping its live connector applies to it
 * (the file routes and a replay go through {@link NativeFormats#map}; the queue, the webhook and
 * the pollers call their mapper on the item as it arrives, without {@link RawItems#check}).
 */
enum NativeSample {

    CANONICAL(InputFormat.CANONICAL_JSON, """
            {"source":"crm-legacy","sourceId":"C-1","kind":"PERSON","name":"陈美玲","phones":["13800138000"],\
            "idNumber":"440301198507150026","birthDate":"1985-07-15","address":"深圳市南山区科技园路1号",\
            "updatedAt":"2026-03-01T02:15:30Z"}""",
            List.of("陈美玲", "13800138000", "440301198507150026", "1985-07-15", "深圳市南山区科技园路1号"),
            NativeSample::jsonString) {
        @Override
        CanonicalMessage mapLive(String item) {
            // as the records API reads a posted record
            return CanonicalMessage.of(PartyTypes.complete(PartyRecordJson.read(item)));
        }
    },
    LEASING_ROW(InputFormat.LEASING_CSV_ROW,
            "L-00017,个人,陳美玲,,138-0013-8000,身份证,440301198507150026,chen.ml@example.com,LC-2024-0031,翠湖花园,3栋1502,"
                    + "2024/3/1,2026/2/28,\"12,500.00\",执行中",
            List.of("陳美玲", "138-0013-8000", "440301198507150026", "chen.ml@example.com"),
            text -> CSVFormat.DEFAULT.format(text)) {
        @Override
        CanonicalMessage mapLive(String item) {
            return LeaseRowMapper.map(item, EXPORT);
        }
    },
    SALES_CUSTOMER(InputFormat.SALES_CUSTOMER_ROW, """
            {"cust_no":"S-001","cust_name":"陈美玲","mobile":"13800138000","cert_type":"身份证",\
            "cert_no":"440301198507150026","gender":"女","birthday":"1985-07-15","address":"深圳市南山区科技园路1号",\
            "email":"chen.ml@example.com","updated_at":"2026-03-01T10:15:30"}""",
            List.of("陈美玲", "13800138000", "440301198507150026", "1985-07-15", "深圳市南山区科技园路1号", "chen.ml@example.com"),
            NativeSample::jsonString) {
        @Override
        CanonicalMessage mapLive(String item) {
            return SalesRowMapper.map(SalesTable.CUSTOMER, row(item));
        }
    },
    SALES_CONTRACT(InputFormat.SALES_CONTRACT_ROW, """
            {"contract_no":"HT-9","cust_no":"S-001","project_name":"翠湖花园","unit_code":"3-1502","area_sqm":89.50,\
            "total_price":3650000.00,"status":"签约","sign_date":"2026-02-28","updated_at":"2026-03-01T10:15:30"}""",
            List.of(), NativeSample::jsonString) {
        @Override
        CanonicalMessage mapLive(String item) {
            return SalesRowMapper.map(SalesTable.CONTRACT, row(item));
        }
    },
    PROPERTY_OWNER(InputFormat.PROPERTY_OWNER, """
            {"ownerId":"PM-000123","fullName":"陳美玲","phones":["13800138000","0755-86001234"],\
            "idCard":"440301198507150026","email":"chen.ml@example.com",\
            "units":[{"project":"翠湖花园","building":"3栋","unit":"1502","relation":"业主","since":"2019-06-01"}],\
            "arrears":1200.50,"updatedAt":"2026-03-01T10:15:30+08:00"}""",
            List.of("陳美玲", "13800138000", "0755-86001234", "440301198507150026", "chen.ml@example.com"),
            NativeSample::jsonString) {
        @Override
        CanonicalMessage mapLive(String item) {
            return PropertyItemMapper.map(PropertyEndpoint.OWNERS, pageItem(item));
        }
    },
    PROPERTY_WORK_ORDER(InputFormat.PROPERTY_WORK_ORDER, """
            {"orderId":"WO-000045","ownerId":"PM-000123","type":"维修","description":"厨房漏水，联系陈美玲13800138000",\
            "createdAt":"2026-03-02T09:00:00+08:00","closedAt":null,"rating":4,"updatedAt":"2026-03-02T09:00:00+08:00"}""",
            List.of("厨房漏水，联系陈美玲13800138000"), NativeSample::jsonString) {
        @Override
        CanonicalMessage mapLive(String item) {
            return PropertyItemMapper.map(PropertyEndpoint.WORK_ORDERS, pageItem(item));
        }
    },
    MEMBERSHIP_EVENT(InputFormat.MEMBERSHIP_XML, """
            <memberEvent xmlns="urn:membership:event:1">
              <eventId>0b6f2f56-3c1e-4c55-9a8f-1d0b1a2c3d4e</eventId>
              <type>POINTS_EARNED</type>
              <occurredAt>2026-03-01T10:15:30+08:00</occurredAt>
              <member>
                <memberNo>M00012345</memberNo>
                <name>张伟</name>
                <mobile>+86 138 0013 8000</mobile>
                <birthday>1985-07-15</birthday>
                <gender>M</gender>
                <email>zhang.wei@example.com</email>
                <tier>GOLD</tier>
              </member>
              <points delta="120" balance="3400" reason="物业缴费"/>
            </memberEvent>""",
            List.of("张伟", "+86 138 0013 8000", "1985-07-15", "zhang.wei@example.com"),
            text -> text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")) {
        @Override
        CanonicalMessage mapLive(String item) {
            return MemberEventMapper.map(item);
        }
    },
    SERVICE_TICKET(InputFormat.SERVICE_TICKET_JSON, """
            {"ticketId":"T20260301-0001","event":"created",\
            "caller":{"name":"陈美玲","phone":"138 0013 8000"},\
            "channel":"phone","category":"complaint","subject":"电梯故障","project":"翠湖花园",\
            "createdAt":"2026-03-01T10:15:30+08:00","closedAt":null,"satisfaction":null}""",
            List.of("陈美玲", "138 0013 8000"), NativeSample::jsonString) {
        @Override
        CanonicalMessage mapLive(String item) {
            return TicketMapper.map(item);
        }
    };

    /** Where the leasing rows come from: the export's time is their version. */
    static final String EXPORT = "tenants_20260301101530.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    final InputFormat format;
    final String valid;
    /** The personal values in {@link #valid}, as written there: none may show in a rejection's reason. */
    final List<String> personalValues;
    /** The text as one of this format's values, escaped as the format requires. */
    final UnaryOperator<String> asValue;

    NativeSample(InputFormat format, String valid, List<String> personalValues, UnaryOperator<String> asValue) {
        this.format = format;
        this.valid = valid;
        this.personalValues = personalValues;
        this.asValue = asValue;
    }

    /** The mapping as its connector applies it on arrival (queue, webhook, poller) or to a file line. */
    abstract CanonicalMessage mapLive(String item);

    /** The mapping of the file routes and of a replay from the quarantine. */
    CanonicalMessage mapNative(String item) {
        return NativeFormats.map(format, item, format == InputFormat.LEASING_CSV_ROW ? EXPORT + " line 2" : "fuzz");
    }

    boolean isJson() {
        return valid.startsWith("{");
    }

    static String jsonString(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(String item) {
        try {
            return JSON.readValue(item, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("row is not a JSON object");
        }
    }

    /**
     * An item of a page the property client could parse. A page that is not JSON fails as a whole in
     * the client, before any item is mapped (a source fault, retried); only parsed items reach the mapper.
     */
    private static JsonNode pageItem(String item) {
        try {
            return JSON.readTree(item);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("not an item of a parsed page");
        }
    }
}
