package dev.restock.ingest.retail;

import dev.restock.ingest.retail.RetailAttributes.Vendor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The six made-up vendors of the demo and the rule that assigns each product to one: the first
 * family, in the order below, with a keyword that is a whole word of the product's description
 * (a plural ending in S or ES counts), else the general gifts vendor. Families rather than a hash
 * of the code, so that a vendor's products look like one supplier's range.
 */
final class DemoVendors {

    private record Family(Vendor vendor, Set<String> keywords) {}

    static final String CURRENCY = "GBP";

    static final String GENERAL = "GIFTS";

    // Lead times are assumed: long for seasonal goods made far away, short for paper goods.
    private static final List<Family> FAMILIES = List.of(
            family("LIGHTS", "Candles and lights supplier", 35, """
                    CANDLE T-LIGHT TLIGHT LANTERN LIGHT LAMP INCENSE LED CHANDELIER"""),
            family("SEASON", "Seasonal decorations supplier", 56, """
                    CHRISTMAS XMAS ADVENT EASTER BUNTING DECORATION BAUBLE ORNAMENT GARLAND
                    WREATH HANGING"""),
            family("KITCHEN", "Kitchen and tableware supplier", 21, """
                    MUG CUP TEACUP TEA PLATE BOWL CAKE CAKESTAND BAKING KITCHEN NAPKIN CUTLERY
                    JAR TIN LUNCH BOTTLE APRON TRAY SPOON JUG COASTER PANTRY RECIPE STRAW
                    OVEN DOILY CHOPSTICK EGG BREAD BISCUIT CONTAINER TUMBLER DISH BEAKER"""),
            family("PAPER", "Paper and stationery supplier", 10, """
                    CARD PAPER WRAP NOTEBOOK STICKER PEN PENCIL BOOK ENVELOPE STATIONERY TAPE
                    CRAYON CHALK RIBBON TAG LABEL JOURNAL DIARY ERASER CALENDAR PARTY TISSUE
                    PAD RULER"""),
            family("TEXTILE", "Bags and textiles supplier", 28, """
                    BAG PURSE HANDBAG UMBRELLA BACKPACK SHOPPER WALLET TOTE CUSHION TOWEL
                    BLANKET THROW DOORMAT MAT COVER SLIPPER HAT SCARF GLOVE WARMER"""),
            family(GENERAL, "General gifts and homeware supplier", 14, ""));

    private DemoVendors() {}

    static List<Vendor> vendors() {
        return FAMILIES.stream().map(Family::vendor).toList();
    }

    static Vendor vendor(String code) {
        return FAMILIES.stream()
                .map(Family::vendor)
                .filter(vendor -> vendor.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** The code of the vendor of a product with this description. */
    static String vendorFor(String description) {
        Set<String> words = words(description);
        for (Family family : FAMILIES) {
            for (String keyword : family.keywords()) {
                if (words.contains(keyword) || words.contains(keyword + "S") || words.contains(keyword + "ES")) {
                    return family.vendor().code();
                }
            }
        }
        return GENERAL;
    }

    private static Set<String> words(String description) {
        return new HashSet<>(Arrays.asList(description.toUpperCase(Locale.ROOT).split("[^A-Z0-9-]+")));
    }

    private static Family family(String code, String name, int leadTimeDays, String keywords) {
        Set<String> keywordSet = new HashSet<>(Arrays.asList(keywords.strip().split("\\s+")));
        keywordSet.remove("");
        return new Family(new Vendor(code, name, CURRENCY, leadTimeDays), Set.copyOf(keywordSet));
    }
}
