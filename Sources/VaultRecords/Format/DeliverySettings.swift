/// The delivery configuration (SETTINGS section 11, FORMAT.md §19): the
/// sendmail-compatible command letters pipe a message into, and the sender address.
/// It lives inside the encrypted vault, like the rules: no plaintext file names the command.
package struct DeliverySettings: Equatable {
  /// Run with `/bin/sh -c`, the message on stdin (`msmtp -t`, `sendmail -t -i`).
  package var command: String
  /// The `From:` address, "" to let the command decide (and `letters@localhost.invalid` in
  /// exported `.eml` files).
  package var from: String

  /// `text command || text from`.
  package func serialize(into writer: inout ByteWriter) {
    writer.text(command)
    writer.text(from)
  }

  package init(command: String, from: String) {
    self.command = command
    self.from = from
  }

  package init(parsing reader: inout ByteReader) throws(ByteReader.Malformed) {
    command = try reader.text()
    from = try reader.text()
  }
}
