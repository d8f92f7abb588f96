/** A multipart/form-data body with one file part, as a phone's upload would send it. */
export function multipartBody(field: string, file: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') {
  const boundary = `----banxue${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
