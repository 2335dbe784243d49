-- wrk script for the write path: POST /api/petitions as the demo officer (HTTP Basic, as users run
-- it), a different petition each time. Run by bench/Bench.java.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic b2ZmaWNlcjpvZmZpY2Vy"
request = function()
  local n = math.random(1, 1000000)
  local body = '{"receivedOn":"2024-0' .. (1 + n % 6) .. '-1' .. (n % 9) .. '","channel":"POST","kind":"' ..
    ((n % 3 == 0) and "COMPLAINT" or "RECOMMENDATION") .. '","field":"Đất đai","summary":"Đơn số ' .. n ..
    '","petitioners":[{"fullName":"Công dân ' .. n .. '","address":"Khu ' .. (n % 7) .. '"}],"ward":"Khu ' .. (n % 7) .. '"}'
  return wrk.format(nil, "/api/petitions", nil, body)
end
