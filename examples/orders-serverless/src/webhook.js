// Partner webhook: forwards order events to the partner endpoint.
exports.handler = async (event) => {
  const response = await fetch(process.env.PARTNER_ENDPOINT, {
    method: "POST",
    headers: { authorization: `Bearer ${process.env.PARTNER_API_TOKEN}` },
    body: event.body,
  });
  return { statusCode: response.ok ? 202 : 502 };
};
