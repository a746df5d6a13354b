package dev.backtrack.collector.ingest;

import dev.backtrack.collector.CollectorOptions;
import dev.backtrack.collector.bus.Addresses;
import dev.backtrack.collector.model.Batch;
import dev.backtrack.collector.storage.StorageVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.lang.System.Logger.Level;

/**
 * {@code POST /ingest} (docs/protocol.md): checks the headers, reads the body within its
 * limit, decodes and validates it, hands the batch to storage and answers once storage
 * replied, that is after the commit.
 */
public final class IngestRoutes {
  /** Bodies up to this size are decoded on the event loop; larger ones on a worker. */
  static final int INLINE_DECODE_BYTES = 16 * 1024;
  /** How long an ingest request waits for storage before it is answered 503, in ms. */
  static final long STORAGE_TIMEOUT_MILLIS = 60_000;

  private static final System.Logger LOG = System.getLogger(IngestRoutes.class.getName());

  private final Vertx vertx;
  private final String storageWrite;
  private final DeliveryOptions delivery =
      new DeliveryOptions().setSendTimeout(STORAGE_TIMEOUT_MILLIS);

  private IngestRoutes(Vertx vertx, CollectorOptions options) {
    this.vertx = vertx;
    this.storageWrite = new Addresses(options.busPrefix()).storageWrite();
  }

  public static void mount(Router router, Vertx vertx, CollectorOptions options) {
    IngestRoutes routes = new IngestRoutes(vertx, options);
    router.post("/ingest")
        .handler(BodyHandler.create(false).setBodyLimit(BodyDecoder.MAX_BODY_BYTES))
        .handler(IngestRoutes::checkHeaders)
        .handler(routes::ingest)
        .failureHandler(IngestRoutes::fail);
    router.route("/ingest").handler(ctx -> answerError(ctx.response(), 405,
        "use POST to send a batch", "method"));
  }

  private static void checkHeaders(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String mime = type == null ? "" : type.split(";", 2)[0].trim();
    if (!mime.equalsIgnoreCase("application/json")) {
      throw new BadInputException(415, "Content-Type must be application/json",
          "Content-Type");
    }
    String encoding = ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING);
    if (encoding != null && !encoding.equalsIgnoreCase("gzip")
        && !encoding.equalsIgnoreCase("identity")) {
      throw new BadInputException(415, "Content-Encoding must be gzip or identity",
          "Content-Encoding");
    }
    ctx.next();
  }

  private void ingest(RoutingContext ctx) {
    long receivedAt = System.currentTimeMillis();
    Buffer body = ctx.body().buffer();
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    boolean gzip = "gzip".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING));
    Future<Batch> batch = bytes.length <= INLINE_DECODE_BYTES && !gzip
        ? Future.succeededFuture(decode(bytes, false, receivedAt))
        : vertx.executeBlocking(() -> decode(bytes, gzip, receivedAt), false);
    batch
        .compose(b -> vertx.eventBus().<JsonObject>request(storageWrite, b, delivery))
        .onSuccess(reply -> answer(ctx.response(), 200, reply.body()))
        .onFailure(ctx::fail);
  }

  static Batch decode(byte[] body, boolean gzip, long receivedAtMillis) {
    byte[] json = body;
    int length = body.length;
    if (gzip) {
      BodyDecoder.Decoded decoded = BodyDecoder.gunzip(body);
      json = decoded.bytes();
      length = decoded.length();
    }
    BodyDecoder.requireUtf8(json, length);
    return BatchParser.parse(json, length, receivedAtMillis);
  }

  /** Every failure on {@code /ingest} ends here and gets a JSON answer; the server lives on. */
  private static void fail(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    Throwable failure = ctx.failure();
    if (failure instanceof BadInputException bad) {
      answerError(response, bad.status(), bad.getMessage(), bad.where());
    } else if (failure instanceof ReplyException reply) {
      storageFailed(response, reply);
    } else if (ctx.statusCode() == 413) {
      answerError(response, 413, "body exceeds " + BodyDecoder.MAX_BODY_BYTES + " bytes",
          "body");
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      answerError(response, ctx.statusCode(), "bad request", "body");
    } else {
      LOG.log(Level.ERROR, "ingest failed unexpectedly", failure);
      answerError(response, 500, "internal error while ingesting", null);
    }
  }

  private static void storageFailed(HttpServerResponse response, ReplyException reply) {
    if (reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() == StorageVerticle.BUSY) {
      response.putHeader("Retry-After", "1");
      answerError(response, 429, "storage is busy", null);
    } else if (reply.failureType() != ReplyFailure.RECIPIENT_FAILURE
        || reply.failureCode() == StorageVerticle.CLOSING) {
      // No storage (not deployed, closing) or no reply in time: try again later.
      response.putHeader("Retry-After", "1");
      answerError(response, 503, "storage is busy", null);
    } else {
      LOG.log(Level.ERROR, "storage could not write a batch: " + reply.getMessage());
      answerError(response, 500, "storage failed to write the batch", null);
    }
  }

  static void answerError(HttpServerResponse response, int status, String error,
      String where) {
    JsonObject body = new JsonObject().put("error", error);
    if (where != null) {
      body.put("where", where);
    }
    answer(response, status, body);
  }

  private static void answer(HttpServerResponse response, int status, JsonObject body) {
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.encode());
  }
}
