package io.atrium.simulators.membership;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.Ledger;
import io.atrium.simulators.Simulator;
import io.atrium.simulators.feed.SourceFeed;
import io.atrium.simulators.membership.MemberEvent.Type;
import io.atrium.simulators.population.Population;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The membership system (section 4 of the source formats): one XML event per JMS text message
 * on the hub's queue. Delivery is at-least-once and unordered, so at configurable rates an
 * event already sent is sent again (same eventId) and an event is held back until the
 * member's next one has gone.
 */
public final class MembershipPublisher implements Simulator {

    /** WildFly's core address of jms-queue `hub.in.membership`. */
    public static final String DEFAULT_QUEUE = "jms.queue.hub.in.membership";
    public static final String DEFAULT_URL = "tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";

    public record Settings(String url, String user, String password, String queue, double duplicateRate, double outOfOrderRate) {
    }

    private static final ZoneOffset MEMBERSHIP_OFFSET = ZoneOffset.ofHours(8);
    private static final List<String> TIERS = List.of("SILVER", "GOLD", "PLATINUM");
    private static final List<String> EARN_REASONS = List.of("物业缴费", "购房积分", "商场消费", "推荐好友", "签到奖励");
    private static final List<String> REDEEM_REASONS = List.of("兑换停车券", "兑换物业费", "兑换礼品");
    private static final int RECENT_FOR_DUPLICATES = 50;

    private final Settings settings;
    private final SourceFeed members;
    private final Random random;
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final Map<String, Member> known = new HashMap<>();
    private final List<Member> active = new ArrayList<>();
    private final Deque<MemberEvent> recent = new ArrayDeque<>();
    private final Ledger ledger;
    /** Events sent in the open transaction, and whether each was sent before: they reach the ledger when it commits. */
    private final List<Sent> uncommitted = new ArrayList<>();
    private MemberEvent heldBack;
    private long sent;
    private long duplicates;
    private long reordered;

    private record Sent(MemberEvent event, boolean again) {
    }

    private static final class Member {
        final String memberNo;
        PartyRecord record;
        String tier = "SILVER";
        long balance;
        boolean active;
        /** The time of the member's latest event: the next one comes after it, as `occurredAt` orders a member's events. */
        OffsetDateTime lastOccurredAt;

        Member(PartyRecord record) {
            this.memberNo = record.getSourceId();
            this.record = record;
        }
    }

    public MembershipPublisher(Settings settings, Population population, long seed) throws JMSException {
        this(settings, population, seed, Ledger.NONE);
    }

    public MembershipPublisher(Settings settings, Population population, long seed, Ledger ledger) throws JMSException {
        this.settings = settings;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.members = new SourceFeed(population, "membership", random);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.url(), settings.user(), settings.password());
        this.connection = factory.createConnection();
        this.session = connection.createSession(true, Session.SESSION_TRANSACTED);
        this.producer = session.createProducer(session.createQueue(settings.queue()));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    @Override
    public String name() {
        return "membership";
    }

    /** Sends one event (and whatever duplicate or held-back event comes with it) and commits. */
    @Override
    public void step() throws JMSException {
        nextEvent();
        commit();
    }

    /** Sends count events as fast as the broker takes them, committing in batches. */
    public void publish(int count) throws JMSException {
        for (int i = 1; i <= count; i++) {
            nextEvent();
            if (i % 200 == 0) {
                commit();
            }
        }
        commit();
    }

    private void commit() throws JMSException {
        session.commit();
        for (Sent sent : uncommitted) {
            MemberEvent event = sent.event();
            if (sent.again()) {
                ledger.duplicate(name(), "record", event.memberNo());
            } else {
                ledger.record(name(), event.memberNo());
                ledger.fact(name(), "MEMBERSHIP", event.memberNo());
                if (event.type().isPoints()) {
                    ledger.fact(name(), "POINTS", event.eventId());
                }
            }
        }
        uncommitted.clear();
    }

    /** Messages sent, duplicates and out-of-order deliveries included. */
    public long sent() { return sent; }

    public long duplicates() { return duplicates; }

    public long reordered() { return reordered; }

    private void nextEvent() throws JMSException {
        if (heldBack != null) {
            // the member's later event overtakes the held one, which follows right after
            MemberEvent earlier = heldBack;
            heldBack = null;
            sendEvent(event(known.get(earlier.memberNo())));
            sendEvent(earlier);
            reordered++;
            return;
        }
        MemberEvent event = event(member());
        if (random.nextDouble() < settings.outOfOrderRate()) {
            heldBack = event;
            return;
        }
        sendEvent(event);
        if (random.nextDouble() < settings.duplicateRate() && !recent.isEmpty()) {
            send(new ArrayList<>(recent).get(random.nextInt(recent.size())), true);
            duplicates++;
        }
    }

    private void sendEvent(MemberEvent event) throws JMSException {
        send(event, false);
    }

    private void send(MemberEvent event, boolean again) throws JMSException {
        producer.send(session.createTextMessage(MemberEventXml.write(event)));
        uncommitted.add(new Sent(event, again));
        sent++;
        recent.addLast(event);
        if (recent.size() > RECENT_FOR_DUPLICATES) {
            recent.removeFirst();
        }
    }

    /** A new member while there are any (half of the time), otherwise a member who has not cancelled. */
    private Member member() {
        if (!members.exhausted() && (active.isEmpty() || random.nextBoolean())) {
            return null;
        }
        return active.isEmpty() ? null : active.get(random.nextInt(active.size()));
    }

    /**
     * The member's next event; null member means a new registration. Its time is after the member's previous event's
     * (a second later when the clock has not moved on): events of one member generated within one second would
     * otherwise carry the same version, and which of them a consumer keeps would depend on the order they arrive in.
     */
    private MemberEvent event(Member member) {
        OffsetDateTime now = OffsetDateTime.now(MEMBERSHIP_OFFSET).truncatedTo(ChronoUnit.SECONDS);
        Type type;
        long delta = 0;
        String reason = null;
        if (member == null) {
            PartyRecord registration = members.next(now.toInstant());
            member = known.computeIfAbsent(registration.getSourceId(), memberNo -> new Member(registration));
            member.record = registration;
            if (!member.active) {
                // a cancelled member who registers again is active again
                member.active = true;
                active.add(member);
            }
            type = Type.REGISTERED;
        } else {
            type = nextType(member);
            switch (type) {
                case UPDATED -> member.record = members.update(member.memberNo, now.toInstant());
                case POINTS_EARNED -> {
                    delta = 10 + random.nextInt(500);
                    reason = EARN_REASONS.get(random.nextInt(EARN_REASONS.size()));
                }
                case POINTS_REDEEMED -> {
                    delta = -Math.min(member.balance, 50 + random.nextInt(300));
                    reason = REDEEM_REASONS.get(random.nextInt(REDEEM_REASONS.size()));
                }
                case TIER_CHANGED -> member.tier = TIERS.get((TIERS.indexOf(member.tier) + 1) % TIERS.size());
                case CANCELLED -> {
                    member.active = false;
                    active.remove(member);
                }
                default -> throw new IllegalStateException("unexpected event type " + type);
            }
            member.balance += delta;
        }
        now = after(member, now);
        member.lastOccurredAt = now;
        PartyRecord record = member.record;
        return new MemberEvent(randomUuid().toString(), type,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now), member.memberNo, record.getName(),
                record.getPhones().isEmpty() ? null : record.getPhones().get(0),
                record.getBirthDate() == null ? null : record.getBirthDate().toString(), record.getGender(),
                record.getEmails().isEmpty() ? null : record.getEmails().get(0), member.tier, delta, member.balance, reason);
    }

    private static OffsetDateTime after(Member member, OffsetDateTime now) {
        return member.lastOccurredAt == null || now.isAfter(member.lastOccurredAt) ? now : member.lastOccurredAt.plusSeconds(1);
    }

    private Type nextType(Member member) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return Type.UPDATED;
        } else if (roll < 65) {
            return Type.POINTS_EARNED;
        } else if (roll < 85 && member.balance > 0) {
            return Type.POINTS_REDEEMED;
        } else if (roll < 97) {
            return Type.TIER_CHANGED;
        }
        return Type.CANCELLED;
    }

    /** A version-4 UUID from the seeded random, so that a run can be repeated. */
    private UUID randomUuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
