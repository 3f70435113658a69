package almacen.support.security;

import almacen.support.web.BodyTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the limit with 413 {"error":"TOO_LARGE"} before anything reads
 * it: by its Content-Length when declared, otherwise by counting while it is read (chunked
 * uploads): the stream then throws {@link BodyTooLargeException}, answered 413 here or, when a
 * controller was reading it, by ApiErrorHandler. Multipart bodies are parsed by the container from
 * its own stream, so a chunked multipart body is held to the container's multipart limits instead
 * ({@code spring.servlet.multipart.*}, 413 through ApiErrorHandler). Multipart uploads (an invoice
 * photo) have their own, larger limit. The connection is closed after a refusal, so the unread rest
 * of a huge body is never swallowed.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long maxBody;
  private final long maxUpload;

  public BodySizeLimitFilter(long maxBody, long maxUpload) {
    this.maxBody = maxBody;
    this.maxUpload = maxUpload;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isApi(ApiPaths.path(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    long limit =
        type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
            ? maxUpload
            : maxBody;
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(request, response, limit);
      return;
    }
    try {
      chain.doFilter(declared >= 0 ? request : new Counting(request, limit), response);
    } catch (BodyTooLargeException e) {
      if (!response.isCommitted()) {
        refuse(request, response, limit);
      }
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    response.setHeader("Connection", "close");
    SecurityResponses.write(
        request,
        response,
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "TOO_LARGE",
        "The request body is larger than " + (limit / (1024 * 1024)) + " MB");
  }

  /** A request without Content-Length whose body stream fails once it passes the limit. */
  private static final class Counting extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Counting(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++read > limit) {
                  throw new BodyTooLargeException(limit);
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0 && (read += n) > limit) {
                  throw new BodyTooLargeException(limit);
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
