package io.atrium.hub.persistence;

import io.atrium.connectors.common.InputFormat;
import io.atrium.hub.customer.ChangeType;
import io.atrium.resolution.model.FactType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Enums that grow with the hub (input formats, fact types, change types, link decisions, steward actions) stored as
 * their names in plain text columns. Mapped as enums, Hibernate gives their columns a native
 * ENUM type or a check constraint listing today's values, which a schema update never widens:
 * the first new value would then be refused by every existing database.
 */
public final class EnumColumns {

    private EnumColumns() {
    }

    abstract static class ByName<E extends Enum<E>> implements AttributeConverter<E, String> {
        private final Class<E> type;

        ByName(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.name();
        }

        @Override
        public E convertToEntityAttribute(String name) {
            return name == null ? null : Enum.valueOf(type, name);
        }
    }

    @Converter
    public static final class InputFormats extends ByName<InputFormat> {
        public InputFormats() {
            super(InputFormat.class);
        }
    }

    @Converter
    public static final class FactTypes extends ByName<FactType> {
        public FactTypes() {
            super(FactType.class);
        }
    }

    @Converter
    public static final class ChangeTypes extends ByName<ChangeType> {
        public ChangeTypes() {
            super(ChangeType.class);
        }
    }

    @Converter
    public static final class LinkDecisions extends ByName<io.atrium.resolution.match.Decision> {
        public LinkDecisions() {
            super(io.atrium.resolution.match.Decision.class);
        }
    }

    @Converter
    public static final class ReviewStates extends ByName<io.atrium.hub.match.ReviewState> {
        public ReviewStates() {
            super(io.atrium.hub.match.ReviewState.class);
        }
    }

    @Converter
    public static final class StewardActionTypes extends ByName<io.atrium.hub.steward.StewardActionType> {
        public StewardActionTypes() {
            super(io.atrium.hub.steward.StewardActionType.class);
        }
    }

    @Converter
    public static final class ReadChannels extends ByName<io.atrium.hub.audit.ReadChannel> {
        public ReadChannels() {
            super(io.atrium.hub.audit.ReadChannel.class);
        }
    }

    @Converter
    public static final class RouteCommands extends ByName<io.atrium.hub.operations.RouteCommand> {
        public RouteCommands() {
            super(io.atrium.hub.operations.RouteCommand.class);
        }
    }
}
