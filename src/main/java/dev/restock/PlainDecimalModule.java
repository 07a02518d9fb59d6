package dev.restock;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How every decimal is written in Restock's JSON, the API's (Spring Boot registers this bean with
 * its JSON mapper) and the CLI's {@code --format json} alike: the number it is, whatever scale
 * the database gave it: {@code 113}, not {@code 113.000000}; {@code 17340.103158}, not
 * {@code 17340.103158000000}; never an exponent ({@code 100}, not {@code 1E+2}).
 */
@Component
public class PlainDecimalModule extends SimpleModule {

    public PlainDecimalModule() {
        super("restock-plain-decimals");
        addSerializer(BigDecimal.class, new PlainDecimalSerializer());
    }

    /** {@code 506.000000} as {@code 506}, {@code 1E+2} as {@code 100}, any zero as {@code 0}. */
    public static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static final class PlainDecimalSerializer extends ValueSerializer<BigDecimal> {

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeNumber(plain(value));
        }
    }
}
