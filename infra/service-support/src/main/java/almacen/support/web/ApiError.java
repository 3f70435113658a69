package almacen.support.web;

/** The error body of every 4xx/5xx answer: {@code {"error","message","field"}}. */
public record ApiError(String error, String message, String field) {}
