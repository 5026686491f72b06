-- A pandoc Lua filter that writes many documents in one pandoc process, as
-- `pandoc -s -f json -t FORMAT IN -o OUT` would each (the default template of the
-- format): pandoc's start-up (~0.3 s of CPU) once instead of once per document.
-- The list (PANDOC_WRITE_MANY=FILE) has lines "FORMAT<TAB>IN<TAB>OUT"; the filter's
-- own input is a dummy document. A document pandoc cannot read or write is reported
-- on stderr as "pandoc failed<TAB>OUT<TAB>message" and has no OUT.
-- jats_vs_pandoc.sh checks that this gives the command's bytes on one document per format.
local templates = {}

local function write_one(format, input, output)
  local f = assert(io.open(input, "rb"))
  local src = f:read("a")
  f:close()
  local doc = pandoc.read(src, "json")
  if not templates[format] then
    templates[format] = pandoc.template.compile(pandoc.template.default(format))
  end
  local text = pandoc.write(doc, format, { template = templates[format] })
  local o = assert(io.open(output, "wb"))
  o:write(text)
  o:close()
end

function Pandoc(d)
  for line in io.lines(os.getenv("PANDOC_WRITE_MANY")) do
    local format, input, output = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
    if format then
      local ok, err = pcall(write_one, format, input, output)
      if not ok then
        os.remove(output)
        io.stderr:write("pandoc failed\t" .. output .. "\t" .. tostring(err):gsub("\n", " ") .. "\n")
      end
    end
  end
  return d
end
