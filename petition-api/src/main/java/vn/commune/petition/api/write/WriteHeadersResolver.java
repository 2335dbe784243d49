package vn.commune.petition.api.write;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A controller method's {@link WriteHeaders} argument, read from the request's headers once. */
@Configuration(proxyBeanMethods = false)
class WriteHeadersResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WriteHeaders.class;
    }

    @Override
    public WriteHeaders resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                        NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new WriteHeaders(request.getHeader(IDEMPOTENCY_KEY), request.getHeader(HttpHeaders.IF_MATCH),
                request.getMethod() + " " + request.getRequestURI());
    }
}
