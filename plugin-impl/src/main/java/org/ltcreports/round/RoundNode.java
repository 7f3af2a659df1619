package org.ltcreports.round;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This node's name in the round's claims: host name and a random suffix per start. */
public final class RoundNode {
  private RoundNode() {}

  public static String name() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "/" + UUID.randomUUID().toString().substring(0, 8);
  }
}
