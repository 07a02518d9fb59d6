package dev.restock.cli;

import dev.restock.orders.NewOrderLine;
import dev.restock.orders.StockOrderException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --line SKU=QTY[@COST]}; a malformed line is bad usage (exit code 2). */
final class OrderLineConverter implements ITypeConverter<NewOrderLine> {

    @Override
    public NewOrderLine convert(String value) {
        try {
            return NewOrderLine.parse(value);
        } catch (StockOrderException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
