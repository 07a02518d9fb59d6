package dev.restock.web;

import dev.restock.RestockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a request with a control character (U+0000 to U+001F, U+007F to U+009F) or an unpaired
 * surrogate in any text of its body, its query parameters or its path, naming the field, before a
 * controller sees it: a 422 ({@link ApiErrors}). PostgreSQL cannot store U+0000 at all (a SKU
 * or a query parameter holding one failed as a 500), the driver writes an unpaired surrogate as
 * '?', and the others are no part of any text the API takes (codes, SKUs, statuses, URLs,
 * one-line descriptions), while they would break the CLI's tables and CSV. Checked here, once,
 * rather than in each service that takes text.
 */
@ControllerAdvice
class RequestTextCheck extends RequestBodyAdviceAdapter implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** The query parameters and the path's variables, such as an order's reference. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.getParameterMap().forEach((name, values) -> {
            checkText(name, "name of a parameter");
            Arrays.stream(values).forEach(value -> checkText(value, "parameter '" + name + "'"));
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> checkText(String.valueOf(value), "'" + name + "' in the path"));
        }
        return true;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "");
        return body;
    }

    /** Checks every text in {@code value}: records' components, lists' items, maps' keys and values. */
    static void check(Object value, String path) {
        switch (value) {
            case String text -> checkText(text, "'" + (path.isEmpty() ? "body" : path) + "'");
            case Record record -> checkComponents(record, path);
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), path + "[" + i + "]");
                }
            }
            case Map<?, ?> map ->
                map.forEach((key, item) -> {
                    check(key, path);
                    check(item, field(path, String.valueOf(key)));
                });
            case null, default -> {}
        }
    }

    private static void checkComponents(Record record, String path) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Method accessor = component.getAccessor();
            try {
                // The request records are nested in package-private controllers.
                accessor.setAccessible(true);
                check(accessor.invoke(record), field(path, component.getName()));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + accessor, e);
            }
        }
    }

    /** @param field names where the text is, such as {@code 'lines[0].sku'} */
    private static void checkText(String text, String field) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE) {
                String what = Character.isISOControl(codePoint) ? "a control character" : "an unpaired surrogate";
                throw new RestockException(String.format(
                        "The request's %s holds %s (U+%04X); Restock accepts none in text. The request"
                                + " changed nothing.",
                        field, what, codePoint));
            }
            i += Character.charCount(codePoint);
        }
    }

    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
