package io.i94lake.lake;

import org.apache.hadoop.conf.Configuration;

/**
 * How to reach an S3-compatible store through Hadoop's s3a file system. Every field may be null: s3a then uses
 * its own defaults (AWS itself, the region and credentials of the AWS SDK's usual chain).
 *
 * @param endpoint the service URL, e.g. {@code http://127.0.0.1:9090} or {@code https://s3.eu-west-1.amazonaws.com}
 * @param region e.g. {@code us-east-1}
 * @param pathStyle address buckets as {@code endpoint/bucket} rather than {@code bucket.endpoint} (most servers
 *     other than AWS need it)
 * @param accessKey with {@code secretKey} (and {@code sessionToken} for temporary credentials)
 */
public record S3Settings(String endpoint, String region, Boolean pathStyle, String accessKey, String secretKey,
                         String sessionToken) {
  public S3Settings {
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException("Cannot use S3 credentials: give both the access key and the secret key, not only the "
          + (accessKey == null ? "secret key" : "access key"));
    }
  }

  /** Sets these settings on a Hadoop configuration (a Spark session's), for every bucket. */
  public void applyTo(Configuration hadoop) {
    if (endpoint != null) {
      hadoop.set("fs.s3a.endpoint", endpoint);
      hadoop.setBoolean("fs.s3a.connection.ssl.enabled", !endpoint.startsWith("http://"));
    }
    if (region != null) {
      hadoop.set("fs.s3a.endpoint.region", region);
    }
    if (pathStyle != null) {
      hadoop.setBoolean("fs.s3a.path.style.access", pathStyle);
    }
    if (accessKey != null) {
      hadoop.set("fs.s3a.access.key", accessKey);
      hadoop.set("fs.s3a.secret.key", secretKey);
      if (sessionToken != null) {
        hadoop.set("fs.s3a.session.token", sessionToken);
        hadoop.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider");
      } else {
        hadoop.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
      }
    }
    // s3:// means the same store as s3a:// (as on EMR)
    hadoop.set("fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
  }
}
